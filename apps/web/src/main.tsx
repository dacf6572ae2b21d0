import './main.css';
import { guardBeforeTakeOver } from './before-take-over.js';

document.body.classList.add('js-enabled', 'govuk-frontend-supported');

// Until the app has taken a server-rendered page over: forms only it can send are not sent, and what is typed is kept.
if (document.getElementById('synapse-data')) guardBeforeTakeOver();

// The app (boot.tsx) is loaded as its own module. On a page the server rendered it starts once the browser has
// painted that page, so loading and starting it does not hold back the first paint; otherwise at once.
const start = () => import('./boot.js');
if (document.getElementById('synapse-data')) requestAnimationFrame(() => setTimeout(start, 0));
else void start();
