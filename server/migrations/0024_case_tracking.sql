-- One rule for what the public sees (issue 10 item 3): following a case needs its number and an
-- unguessable tracking code given to the reporter at intake (receipt page, SMS). Kept SM4-encrypted
-- like other personal data; NULL for cases never shown to the public (110, 信访) and for history.
alter table civic_case add column tracking_code_enc text;
