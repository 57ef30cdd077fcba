"""The window's panels, each a QDockWidget the user can move, float and hide."""
