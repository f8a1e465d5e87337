"""Engines that run the scoring pipeline: `local` (framing.scoring.pipeline) and `dask`.

The dask engine maps the local engine's own `Pipeline` over partitions of a
Parquet / CSV / JSONL source on a `distributed` cluster; nothing is scored
differently, only elsewhere. dask is an optional extra
(`pip install "framing-toolkit[dask]"`): importing framing never needs it.
"""
