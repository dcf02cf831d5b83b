-- Runs once, when the postgres container initialises an empty volume.
-- The image's POSTGRES_USER (protempore) owns the database and runs the migrations
-- (MIGRATION_DATABASE_URL); the API and the worker connect as this least-privilege
-- role (DATABASE_URL), which the migrations grant data rights only (README, "Database roles").
CREATE ROLE protempore_app LOGIN PASSWORD 'protempore_app' NOSUPERUSER NOCREATEDB NOCREATEROLE;
