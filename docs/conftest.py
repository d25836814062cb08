"""pytest runs the ``>>>`` examples of these pages; Sphinx's own files are not tests."""

collect_ignore = ["conf.py"]
collect_ignore_glob = ["_ext/*", "_build/*", "_static/*"]
