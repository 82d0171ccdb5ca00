/**
 * Tokens for the legacy users API are for the custom database scripts' machine-to-machine client only
 * (client credentials, which never runs post-login). Deny them to every user login.
 */
const LEGACY_USERS_API = 'https://legacy-users.acme.example/api';

exports.onExecutePostLogin = async (event, api) => {
  const audience = event.resource_server && event.resource_server.identifier;
  if (audience === LEGACY_USERS_API) {
    api.access.deny('The legacy users API is reserved to the user migration service.');
  }
};
