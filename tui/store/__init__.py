"""What the app writes to disk, apart from the guide cache: the saved reading place and theme
(``state``), the crash log (``crashlog``), and where the app's files live and how they are read and
written (``files``). No Textual imports.

Import from the modules themselves: this package re-exports nothing, so that the cache's use of
``files`` at start-up does not also import Rich for the crash log.
"""
