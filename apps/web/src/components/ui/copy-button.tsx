import { Check, Copy } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Button, type ButtonProps } from './button';
import { toast } from './toast';

/** Writes to the clipboard; false where the browser refuses (plain http on another host, permissions). */
export async function copyToClipboard(text: string): Promise<boolean> {
  if (!navigator.clipboard || !window.isSecureContext) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Copies `value`, confirming with a tick. Where the clipboard is out of reach, `onFallback` should
 * select the text on screen so the user can copy it with the keyboard.
 */
export function CopyButton({
  value,
  label = 'Copy',
  onFallback,
  size = 'sm',
  variant = 'secondary',
  ...props
}: { value: string; label?: string; onFallback?: () => void } & Omit<ButtonProps, 'onClick' | 'value'>) {
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(timer);
  }, [copied]);

  async function copy() {
    if (await copyToClipboard(value)) {
      setCopied(true);
      return;
    }
    onFallback?.();
    toast(onFallback ? 'The browser blocked the clipboard: the text is selected, press Ctrl+C (⌘C) to copy it' : 'The browser blocked the clipboard', 'error');
  }

  return (
    <Button size={size} variant={variant} onClick={copy} {...props}>
      {copied ? <Check /> : <Copy />}
      {copied ? 'Copied' : label}
    </Button>
  );
}
