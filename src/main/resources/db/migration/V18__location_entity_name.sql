-- A location keeps the name of its generated Location entity when it is pointed at a new target
-- (PUT /api/catalog/locations/{id}), as Backstage keeps location_entity_ref. Null: derived from type:target.
alter table ingest_location add column entity_name text;
