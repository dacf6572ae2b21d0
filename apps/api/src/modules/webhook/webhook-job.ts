/** The job type that delivers one webhook call. Its own module: discussion webhooks enqueue it, and webhook.service uses them. */
export const DELIVER_WEBHOOK = 'webhook.deliver';
