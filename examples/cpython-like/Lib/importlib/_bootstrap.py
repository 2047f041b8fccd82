"""A stand-in for importlib._bootstrap: frozen into Python/frozen.h by Programs/_freeze_module."""

_loaded = {}


def _find_spec(name, path=None):
    """Returns the cached spec of a module, or None."""
    return _loaded.get(name)


def _install(name, spec):
    _loaded[name] = spec
    return spec
