/** The API's URLs, from the core's table (no URL literals in components). */
export { API as URLS } from '@edgenet/network-config';
