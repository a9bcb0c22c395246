-- a resource beside the test class
select *
from {{ ref('other') }}
where ts >= {{ partition_start }}
