"""A tiny randomly initialised llama-architecture GGUF, written by the tests with the ``gguf`` package:
llama.cpp (and its OpenAI-compatible server) load it in milliseconds, and no weights are downloaded.

The vocabulary is the 256 bytes (GPT-2 byte-level form) plus one token per character of ``corpus``
(built by merges), so any text tokenizes and the corpus's Chinese costs one token a character, not
three; the chat template is a plain Jinja one. Greedy decoding of random
weights gives arbitrary but deterministic text: enough to test transport, order and concurrency.
"""

from pathlib import Path

CHAT_TEMPLATE = ("{% for m in messages %}<|im|>{{ m['role'] }}\n{{ m['content'] }}\n{% endfor %}"
                 "{% if add_generation_prompt %}<|im|>assistant\n{% endif %}")


def _byte_symbols() -> list[str]:
    """GPT-2's printable stand-in for each byte value, in byte order."""
    printable = list(range(ord("!"), ord("~") + 1)) + list(range(ord("¡"), ord("¬") + 1)) + \
        list(range(ord("®"), ord("ÿ") + 1))
    symbols, extra = {}, 0
    for b in range(256):
        if b in printable:
            symbols[b] = chr(b)
        else:
            symbols[b] = chr(256 + extra)
            extra += 1
    return [symbols[b] for b in range(256)]


def _merges(corpus: str, symbols: list[str]) -> tuple[list[str], list[str]]:
    """Tokens and merges that make each multi-byte character of ``corpus`` one token."""
    tokens: dict[str, None] = {}
    merges: dict[str, None] = {}
    for char in sorted(set(corpus)):
        parts = [symbols[b] for b in char.encode("utf-8")]
        joined = parts[0]
        for part in parts[1:]:
            merges[f"{joined} {part}"] = None
            joined += part
            tokens[joined] = None
    return list(tokens), list(merges)


def build_tiny_gguf(path: Path, corpus: str = "", *, n_embd: int = 64, n_layer: int = 2, n_head: int = 4,
                    context: int = 8192, seed: int = 0) -> Path:
    import gguf
    import numpy as np

    rng = np.random.default_rng(seed)
    symbols = _byte_symbols()
    words, merges = _merges(corpus + " \u3000", symbols)  # at least one merge: llama.cpp wants them
    tokens = symbols + words + ["<|im|>", "<|end|>"]
    eos = len(tokens) - 1
    vocab, n_ff = len(tokens), 2 * n_embd
    writer = gguf.GGUFWriter(str(path), "llama")
    writer.add_name("tiny-test")
    writer.add_context_length(context)
    writer.add_embedding_length(n_embd)
    writer.add_block_count(n_layer)
    writer.add_feed_forward_length(n_ff)
    writer.add_head_count(n_head)
    writer.add_head_count_kv(n_head)
    writer.add_rope_dimension_count(n_embd // n_head)
    writer.add_layer_norm_rms_eps(1e-5)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("default")
    writer.add_token_list(tokens)
    writer.add_token_types([gguf.TokenType.NORMAL] * (len(tokens) - 2) + [gguf.TokenType.CONTROL] * 2)
    writer.add_token_merges(merges)
    writer.add_eos_token_id(eos)
    writer.add_bos_token_id(eos)
    writer.add_add_bos_token(False)
    writer.add_chat_template(CHAT_TEMPLATE)

    def weight(*shape: int) -> "np.ndarray":
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    writer.add_tensor("token_embd.weight", weight(vocab, n_embd))
    for i in range(n_layer):
        writer.add_tensor(f"blk.{i}.attn_norm.weight", np.ones(n_embd, dtype=np.float32))
        for name in ("attn_q", "attn_k", "attn_v", "attn_output"):
            writer.add_tensor(f"blk.{i}.{name}.weight", weight(n_embd, n_embd))
        writer.add_tensor(f"blk.{i}.ffn_norm.weight", np.ones(n_embd, dtype=np.float32))
        writer.add_tensor(f"blk.{i}.ffn_gate.weight", weight(n_ff, n_embd))
        writer.add_tensor(f"blk.{i}.ffn_up.weight", weight(n_ff, n_embd))
        writer.add_tensor(f"blk.{i}.ffn_down.weight", weight(n_embd, n_ff))
    writer.add_tensor("output_norm.weight", np.ones(n_embd, dtype=np.float32))
    writer.add_tensor("output.weight", weight(vocab, n_embd))
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path
