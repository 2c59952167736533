import Document, { Head, Html, Main, NextScript, type DocumentContext, type DocumentInitialProps } from 'next/document';
import { BODY_CLASS } from '@/components/site-frame';
import { nonceOf } from '@/lib/portal/page-props';

/** The end-user pages' document (the staff pages have app/layout.tsx). */
export default class PortalDocument extends Document<{ nonce: string }> {
  static async getInitialProps(context: DocumentContext): Promise<DocumentInitialProps & { nonce: string }> {
    const initial = await Document.getInitialProps(context);
    return { ...initial, nonce: nonceOf(context.req?.headers['content-security-policy']) };
  }

  render() {
    const { nonce } = this.props;
    return (
      <Html lang="en">
        <Head nonce={nonce} />
        <body className={BODY_CLASS}>
          <Main />
          <NextScript nonce={nonce} />
        </body>
      </Html>
    );
  }
}
