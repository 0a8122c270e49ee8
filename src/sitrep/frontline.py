"""Where the war is fought, as the gazetteer's first-level division names: shared by the place reader
(``extract.places``: a village "под X" there wins over a namesake elsewhere) and the merger (``dedup.merge``:
two villages near each other there are often one battle's places), without either importing the other."""

from __future__ import annotations

# Ukraine's oblasts on the front line
FRONT_OBLASTS = frozenset(
    {
        "Donetsk Oblast",
        "Luhansk Oblast",
        "Zaporizhzhia Oblast",
        "Kharkiv Oblast",
        "Kherson Oblast",
        "Sumy Oblast",
        "Dnipropetrovsk Oblast",
    }
)
# Russia's oblasts on the border where fighting and shelling reach
BORDER_OBLASTS_RU = frozenset({"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"})
