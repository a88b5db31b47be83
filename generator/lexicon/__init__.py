"""Every word list and symbol table the grammars are built from, one module per topic.

Nothing else in the package defines a word list: a grammar (``generator.matchers``), a claim check or
the renderer imports its words from here, so adding a synonym, a unit or a country is one entry in
one place. Modules here import nothing from the rest of the package but each other.
"""
