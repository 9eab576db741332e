"""cunwu: turn a village's curated data into a public transparency website.

Data flows one way: readers -> records -> model -> pages -> MkDocs.
"""
