"""Everyday names of states and demonyms the gazetteer packages lack. Data only; read by
`analysis.actors.places`."""

# Everyday names of states and demonyms that none of the packages lists (checked against all
# three): general English usage, not any one text's.
SUPPLEMENT = {"Britain": "GB"}
DEMONYM_SUPPLEMENT = {
    "Saudi": "SA", "Saudis": "SA", "Turks": "TR", "Britons": "GB", "Brits": "GB",
    "Emiratis": "AE", "Filipinos": "PH", "Palestinian": "PS", "Palestinians": "PS",
}
