// odoo-xmlrpc 1.0.8 ships no types; this declares only the two calls the XML-RPC transport uses.
declare module 'odoo-xmlrpc' {
  interface OdooXmlRpcConfig {
    url: string;
    port?: number | string;
    db: string;
    username: string;
    password: string;
  }
  type OdooXmlRpcCallback = (error: unknown, value: unknown) => void;
  class OdooXmlRpc {
    constructor(config: OdooXmlRpcConfig);
    /** `common.authenticate`; keeps the uid for later calls; a `false` uid yields `{message}`. */
    connect(callback: OdooXmlRpcCallback): void;
    /** `object.execute_kw`; `params` are spread after `[db, uid, password, model, method]`. */
    execute_kw(
      model: string,
      method: string,
      params: unknown[],
      callback: OdooXmlRpcCallback,
    ): void;
  }
  export = OdooXmlRpc;
}
