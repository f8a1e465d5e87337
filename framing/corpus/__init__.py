"""Load: articles from files, tables or saved pages into one validated `Corpus`.

`load_corpus` takes a bundled corpus name, a folder of article files, a
CSV/JSONL/Parquet table or a folder of saved web pages; `readers/` has one
reader per format, `clean` finds boilerplate lines (kept visible, not deleted),
`writer` writes a corpus back out as a folder of article files.
"""

from framing.corpus.inputs import as_corpus
from framing.corpus.model import Corpus, bundled_corpora, bundled_corpus_path, load_corpus

__all__ = ["Corpus", "load_corpus", "as_corpus", "bundled_corpora", "bundled_corpus_path"]
