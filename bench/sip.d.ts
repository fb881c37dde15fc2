declare module 'sip';
