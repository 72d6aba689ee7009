import hashlib
import re
from pathlib import Path

from brief.ingest.segment.tagger import MODEL

CARD = Path(__file__).resolve().parents[3] / "models" / "segmenter" / "lines-crf.md"


def test_the_shipped_tagger_is_the_one_its_card_describes():
    # retraining the tagger without updating its card (sha256, size) fails here
    card = CARD.read_text(encoding="utf-8")
    data = MODEL.read_bytes()
    assert re.search(r"\*\*sha256\*\*: `([0-9a-f]{64})`", card).group(1) == hashlib.sha256(data).hexdigest()
    assert re.search(r"\*\*size\*\*: ([\d,]+) bytes", card).group(1).replace(",", "") == str(len(data))
