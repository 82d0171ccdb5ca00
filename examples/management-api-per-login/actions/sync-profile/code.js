/**
 * Copies the login time into app_metadata through the Management API: one API call per login.
 */
const { ManagementClient } = require('auth0');

exports.onExecutePostLogin = async (event, api) => {
  const management = new ManagementClient({
    domain: 'acme.eu.auth0.com',
    clientId: 'sync-profile',
    clientSecret: event.secrets.M2M_CLIENT_SECRET,
  });
  await management.users.update({ id: event.user.user_id }, { app_metadata: { last_login: Date.now() } });
};
