"""The window's behaviour, one controller per concern.

Each controller takes what it works on in its constructor (the `Session`, the views and
panels it drives, the action registry's actions, `Feedback`) and listens to the
session's signals; none reaches into the window or into another controller's state.
"""
