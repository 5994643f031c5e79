"""The database: the only package that imports sqlalchemy.

    with Store.open(path) as store:             # creates, or upgrades an older schema; refuses
        store.save_extraction(extraction)       # foreign, newer and corrupt files untouched
        store.claims(actors=["Russia"], since="2022-08")

Everything goes in and comes out as the frozen dataclasses of `factcheck.models`, plus the
listing records `DocumentInfo`, `ActorInfo` and `Review` defined here.
"""

from factcheck.store.database import Store
from factcheck.store.records import ActorInfo, DocumentInfo, Review
from factcheck.store.schema import MIGRATIONS, schema_version

__all__ = ["MIGRATIONS", "ActorInfo", "DocumentInfo", "Review", "Store", "schema_version"]
