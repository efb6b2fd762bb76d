//! Past one process: the Redis rate-limit store against a real
//! `redis-server` (started on a free loopback port, stopped on drop), and the
//! bulk job as separate OS processes sharing a budget, killed and resumed.

mod resume;
mod shared_budget;
mod store;
mod support;
