"""Parsers and matchers for typed values: one grammar serves the values editors
write and the text of the sources."""
