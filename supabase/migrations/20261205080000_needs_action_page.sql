-- Issue 18, performance at scale: "needs action" showed every item at once. At the demo data
-- ×100 that is 3,200 rows and 685 KB of page (BENCHMARKS.md, "Scale"). Now one page of the
-- items, oldest first, of one kind or all, with the count of each kind (the links that
-- filter) and the total, in one call.
create function public.needs_action_page(p_mine uuid, p_kind text, p_size integer, p_offset integer)
returns jsonb
language sql
stable
security definer
set search_path = ''
as $$
  with items as materialized (select * from public.needs_action(p_mine)),
  shown as (select * from items where p_kind is null or kind = p_kind)
  select jsonb_build_object(
    'total', (select count(*) from items),
    'counts', coalesce((select jsonb_agg(jsonb_build_object('kind', c.kind, 'count', c.n)) from
                (select kind, count(*) as n from items group by kind) c), '[]'),
    'filtered', (select count(*) from shown),
    'items', coalesce((
      select jsonb_agg(to_jsonb(i) order by i.since, i.kind, i.target)
      from (select * from shown order by since, kind, target
            limit least(greatest(p_size, 1), 100) offset greatest(p_offset, 0)) i
    ), '[]')
  );
$$;
