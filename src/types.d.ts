declare module "@nlpjs/lang-fr";
