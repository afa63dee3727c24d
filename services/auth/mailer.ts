/**
 * Outgoing mail through nodemailer: SMTP when SMTP_URL is set (cluster shape), otherwise each
 * message is written as an .eml file under data/mail (embedded shape), where a developer can
 * open the verification link.
 */
import fs from "node:fs";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly opts: { smtpUrl?: string; dir: string; from: string }) {
    this.transport = opts.smtpUrl
      ? nodemailer.createTransport(opts.smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  }

  async send(mail: Mail): Promise<void> {
    const info = await this.transport.sendMail({ from: this.opts.from, ...mail });
    if (this.opts.smtpUrl) return;
    const message = (info as { message?: Buffer }).message;
    if (!message) return;
    fs.mkdirSync(this.opts.dir, { recursive: true });
    const safe = mail.to.replace(/[^a-zA-Z0-9@._-]/g, "_");
    fs.writeFileSync(path.join(this.opts.dir, `${Date.now()}-${safe}.eml`), message);
  }

  close(): void {
    this.transport.close();
  }
}
