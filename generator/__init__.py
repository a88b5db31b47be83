"""factsheet: hand-curated facts, proven against their sources, rendered as a static site.

Data flows one way: ``loading`` → ``validation`` → ``render`` → ``build``.
"""

__version__ = "0.1.0"
