"""``python -m helpers`` on the torch path, for the benchmark only (``python -m benchmarks.torch_cli``).

The same command-line code (:func:`helpers.cli.main`) with the offline model swapped for
:class:`helpers.embeddings.TorchEmbedder` (:func:`benchmarks.paths.use_torch_path`), so the
benchmark can time a whole torch-path process against the product's.
"""

from __future__ import annotations

import sys

from helpers.cli import main

from .paths import use_torch_path

if __name__ == "__main__":
    use_torch_path()
    sys.exit(main())
