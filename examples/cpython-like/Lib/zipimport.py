"""A stand-in for zipimport: frozen into Python/frozen.h by Programs/_freeze_module."""


class ZipImportError(ImportError):
    pass


class zipimporter:
    def __init__(self, path):
        if not path:
            raise ZipImportError("archive path is empty")
        self.archive = path
