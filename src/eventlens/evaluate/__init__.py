"""Accuracy measurement: dataset readers and scorers behind ``eventlens eval``.

Each evaluator reads a labelled file from outside the project (the dev sets in
../shared/data or the user's own), runs the pipeline, and returns a report dict
that the CLI prints. Stage-level scorers live with their stages.
"""
