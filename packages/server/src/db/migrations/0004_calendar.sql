-- The working-day calendar: a year is known once its arrangements are entered; its exception days are statutory
-- holidays and the weekend days worked in lieu (调休上班). Other weekdays work, other weekend days rest.
CREATE TABLE calendar_years (
  year       integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
  source     text NOT NULL CHECK (source IN ('official', 'admin')),
  updated_by uuid REFERENCES staff (id),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE calendar_days (
  date date PRIMARY KEY,
  year integer NOT NULL REFERENCES calendar_years (year) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('holiday', 'workday')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 50),
  CHECK (extract(year FROM date) = year)
);
CREATE INDEX calendar_days_year ON calendar_days (year);
