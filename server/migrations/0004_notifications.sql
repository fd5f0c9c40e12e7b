-- 0004 notifications: the SMS outbox and the phones that receive SMS (issue 4 item 8).
-- Webhook deliveries to external systems use webhook_delivery (0002); in-app notifications use notification (0002).

-- 短信发件箱: one row per SMS, written in the same transaction as the event that causes it, sent by a
-- timed job (notifications/sms/sms.job.ts). A job claims due rows FOR UPDATE SKIP LOCKED and leases
-- them (next_attempt_at moves past the request timeout), so with several server processes each row is
-- sent by one of them; out_id is sent as the provider's idempotency key.
create table sms_message (
  id bigint generated always as identity primary key,
  -- the provider's template (cases: QJ_CASE_DISPATCHED, QJ_CASE_RED_CARD, QJ_CASE_CLOSED) and its parameters
  template text not null,
  params jsonb not null,
  -- SM4-encrypted like every phone number, with a masked copy for lists
  phone_enc text not null,
  phone_masked text not null,
  -- who receives it: an account (department staff …) or the reporter of the case
  account_id bigint references account (id),
  case_id bigint references civic_case (id),
  county_code text,
  event text not null,
  state text not null default 'pending' check (state in ('pending', 'sent', 'failed')),
  attempts int not null default 0,
  next_attempt_at timestamptz not null default now(),
  provider_message_id text,
  last_error text,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create index sms_message_due_idx on sms_message (next_attempt_at) where state = 'pending';
create index sms_message_case_idx on sms_message (case_id);

-- The mobile phone on which an account receives SMS (department staff, dispatchers, grid workers).
create table sms_contact (
  account_id bigint primary key references account (id),
  phone_enc text not null,
  phone_masked text not null,
  enabled boolean not null default true,
  updated_at timestamptz not null default now()
);
