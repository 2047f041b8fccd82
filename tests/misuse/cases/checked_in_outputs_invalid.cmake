# The module fails while loading: -DATOMICGEN_CHECKED_IN_OUTPUTS=Keep (the values are lower case).
