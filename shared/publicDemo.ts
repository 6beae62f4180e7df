// EMULATOR_PUBLIC_DEMO's notice: the app server's pages, the emulator's consent page and the
// start-up message that asks for the setting say the same words.
export const PUBLIC_DEMO_NOTICE = 'Demo: anyone can sign in as anyone';
