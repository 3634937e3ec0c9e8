"""Training models from labelled data the user supplies (``eventlens train ...``).

Nothing here runs at coding time: the pipeline only loads what these commands saved.
"""
