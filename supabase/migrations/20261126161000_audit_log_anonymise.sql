-- The audit log stays append-only, but deleting a person must be possible: the foreign key
-- then sets actor_id to null on their log rows (the record of what happened stays, who did
-- it is forgotten). The statement-level guard refused that too, even for zero rows, so it
-- becomes a row-level guard that lets exactly that one change through.

drop trigger audit_log_append_only on public.audit_log;

create or replace function public.reject_audit_change() returns trigger
language plpgsql
set search_path = ''
as $$
begin
  if tg_op = 'UPDATE'
     and old.actor_id is not null and new.actor_id is null
     and (new.id, new.at, new.action, new.entity, new.entity_id, new.before, new.after)
         is not distinct from (old.id, old.at, old.action, old.entity, old.entity_id, old.before, old.after) then
    return new;
  end if;
  raise exception 'the audit log is append-only' using errcode = 'P0001';
end
$$;

create trigger audit_log_append_only before update or delete on public.audit_log
  for each row execute function public.reject_audit_change();
