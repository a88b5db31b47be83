"""Characters: quotation marks, dash forms and spaces, as the normaliser and the grammars read them.

The normaliser (``generator.normalize``) folds quotes, dashes and white space with these tables; the
grammars build their space classes from them, so a thin space between "19" and "500" or between
"5" and "million" is read the same wherever a grammar reads spaces.
"""

from __future__ import annotations

SINGLE_QUOTES = "\u2018\u2019\u201a\u201b"
DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f"
DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
# A typewriter's dash: "--" (or "---") where print sets "—". The normaliser folds a run of dash forms
# to one "-".
TYPED_DASH = "--"
# Every character str.isspace() accepts (checked by a test against the whole of Unicode).
WHITESPACE = (
    "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
    "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
# Between the digit groups of one number ("19 500", "19\u202f500"): a space, a no-break space, a thin
# space and a narrow no-break space. Never a line break: numbers do not wrap inside.
GROUP_SPACES = " \u00a0\u2009\u202f"
# Between the words of one expression ("5 million", "more than 50", "26 April"): those and a tab.
WORD_SPACES = " \t\u00a0\u2009\u202f"
# Join letters or digits into one compound ("Anne-Marie", "36-hour", "2021–22"); the em dash and the
# horizontal bar are punctuation. And the apostrophes inside a word ("can't", "O'Brien").
HYPHENS = "-\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
APOSTROPHES = "'\u2019\u02bc"
