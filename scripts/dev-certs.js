/**
 * The development server's https certificate, with a plain explanation when
 * it cannot be set up. office-addin-dev-certs installs a trusted development
 * certificate the first time, which needs administrator rights; without them
 * it throws "Unable to install the CA certificate … sudo: not found" and the
 * server stops with a stack trace. Here that becomes what is needed and how.
 */
'use strict';

const INSTALL_COMMAND = 'npx office-addin-dev-certs install';

/** What to tell the user when the certificate could not be set up (`platform` for the how-to). */
function certificateHelp(err, platform = process.platform) {
  const detail = String((err && err.message) || err || '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)[0] || 'no detail given';
  const how =
    platform === 'win32'
      ? `open a terminal with "Run as administrator" in this folder and run: ${INSTALL_COMMAND}`
      : platform === 'darwin'
        ? `run: ${INSTALL_COMMAND} (it asks for your administrator password to add the certificate to the keychain)`
        : `run: sudo ${INSTALL_COMMAND} (or run "${INSTALL_COMMAND}" as root if this computer has no sudo). ` +
          'Your browser may also need it: import ~/.office-addin-dev-certs/ca.crt as a trusted authority in its certificate settings';
  return [
    'The add-in cannot be served yet: Excel only loads add-ins over https, so the development server at',
    'https://localhost:3000 needs a trusted development certificate on this computer, and it could not be installed.',
    'It is installed once, with administrator rights. To do it:',
    `  ${how}.`,
    'Then run "npm run start:web" (or "npm start") again.',
    `(What went wrong: ${detail})`,
  ].join('\n');
}

/**
 * The https options for the dev server, or null and the explanation printed
 * when the certificate cannot be set up. `devCerts` is office-addin-dev-certs
 * (a stand-in in tests).
 */
async function httpsOptionsOrExplain(devCerts, print = (text) => console.error(text)) {
  try {
    const certs = devCerts || require('office-addin-dev-certs');
    return await certs.getHttpsServerOptions();
  } catch (err) {
    print(certificateHelp(err));
    return null;
  }
}

module.exports = { certificateHelp, httpsOptionsOrExplain, INSTALL_COMMAND };
