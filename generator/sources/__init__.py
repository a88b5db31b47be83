"""Bringing sources in from where editors find them: web pages, saved HTML, PDFs.

``fetch`` downloads (bounded in time, size and redirects), ``html`` and ``pdf``
turn a document into the plain text a reader sees plus the metadata the
document itself states, ``importer`` decides what a SOURCE argument is and
builds the snapshot, ``refresh`` compares a stored snapshot with the original.
Only the ``new-source`` and ``refresh`` commands use this package: validating
and building never touch the network.
"""
