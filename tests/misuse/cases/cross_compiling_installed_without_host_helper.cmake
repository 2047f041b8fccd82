# The module fails while loading.
