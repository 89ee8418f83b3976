"""`briefing analyze --dask`: batch analysis on a Dask cluster (the optional `dask` extra).

`cluster` reaches the scheduler (or starts a LocalCluster), `batch` sends the cache misses out
and takes the analyses back, `worker` is what each worker process runs.
"""
