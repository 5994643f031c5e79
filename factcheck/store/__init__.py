"""The database: the only package that imports sqlmodel or sqlalchemy.

Interface used by `factcheck.api` (see `Store`):

    store = Store.open(path, create=True)      # upgrade older schema; refuse foreign/newer/corrupt files
    store.save_extraction(extraction)          # one transaction per document; replaces older claims of the same path
    store.document_for_path(path) / store.documents()
    store.claims(filters) / store.claim(id_or_prefix)
    store.actors() / store.add_alias(canonical, alias) / store.aliases()
    store.relations(claim_id=None) / store.replace_auto_relations(relations) / store.set_assessments(...)
    store.add_review(...) / store.reviews(claim_id)
"""
