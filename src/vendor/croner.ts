// Cron expressions with time zones, loaded only by the commands that run schedules (watch).

export { Cron } from "croner";
