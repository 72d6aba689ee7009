"""Tiny randomly initialised chat models built by the tests themselves: the real transformers (or
llama.cpp) loading and generation code runs, and no weights are downloaded."""

from pathlib import Path


def build_tiny_chat_model(path: Path, corpus: list[str], *, n_embd: int, n_layer: int) -> Path:
    """A GPT-2 shaped causal LM with a character vocabulary trained on ``corpus`` and a chat template."""
    import torch
    import transformers
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    raw = Tokenizer(models.WordLevel(unk_token="<unk>"))
    raw.pre_tokenizer = pre_tokenizers.Split(pattern="", behavior="isolated")
    raw.decoder = decoders.Fuse()
    raw.train_from_iterator(corpus + ["system user assistant"],
                            trainers.WordLevelTrainer(special_tokens=["<pad>", "<unk>", "<eos>"]))
    tokenizer = transformers.PreTrainedTokenizerFast(
        tokenizer_object=raw, pad_token="<pad>", unk_token="<unk>", eos_token="<eos>")
    tokenizer.chat_template = (
        "{% for m in messages %}{{ m['role'] }}:{{ m['content'] }}\n{% endfor %}"
        "{% if add_generation_prompt %}assistant:{% endif %}")
    torch.manual_seed(0)
    # One token per character: the prompts with their worked examples run past a thousand.
    config = transformers.GPT2Config(vocab_size=len(tokenizer), n_positions=4096, n_embd=n_embd,
                                     n_layer=n_layer, n_head=2, eos_token_id=tokenizer.eos_token_id,
                                     bos_token_id=tokenizer.eos_token_id)
    transformers.GPT2LMHeadModel(config).save_pretrained(path)
    tokenizer.save_pretrained(path)
    return path


def _byte_symbols() -> list[str]:
    """GPT-2's printable stand-in for each byte (byte-level BPE), indexed by byte value."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1), *range(ord("®"), ord("ÿ") + 1)]
    symbols, extra = {}, 0
    for byte in range(256):
        if byte in printable:
            symbols[byte] = chr(byte)
        else:
            symbols[byte] = chr(256 + extra)
            extra += 1
    return [symbols[byte] for byte in range(256)]


END = "<|im_end|>"


def build_tiny_gguf(path: Path, *, prefer: tuple[str, ...] = (), n_embd: int = 32, n_layer: int = 1,
                    n_ctx: int = 4096) -> Path:
    """A GPT-2 shaped GGUF file with random weights that llama.cpp loads and runs: a byte-level
    vocabulary (every text can be written, Chinese included, byte by byte), a few merges, ChatML
    control tokens and chat template. Written with the ``gguf`` package; nothing is downloaded.

    ``prefer``: tokens (a byte as a one-character string such as ``"\xe4"``, a merged token such
    as ``"[["``, or :data:`END`) the model then ranks above all others, first most, whatever the
    context: its last layer norm is set to a constant vector, so its next-token scores are fixed.
    What it writes under a grammar is then known in advance."""
    import gguf
    import numpy as np

    tokens = _byte_symbols()
    pairs = [("[", "["), ("]", "]"), ("Ġ", "t"), ("t", "h")]
    merges = [f"{a} {b}" for a, b in pairs]
    tokens += [a + b for a, b in pairs] + ["<|im_start|>", "<|im_end|>"]
    types = [gguf.TokenType.NORMAL] * (len(tokens) - 2) + [gguf.TokenType.CONTROL] * 2
    writer = gguf.GGUFWriter(str(path), "gpt2")
    writer.add_context_length(n_ctx)
    writer.add_embedding_length(n_embd)
    writer.add_feed_forward_length(2 * n_embd)
    writer.add_block_count(n_layer)
    writer.add_head_count(2)
    writer.add_layer_norm_eps(1e-5)
    writer.add_file_type(gguf.LlamaFileType.ALL_F32)
    writer.add_tokenizer_model("gpt2")
    writer.add_tokenizer_pre("gpt-2")
    writer.add_token_list(tokens)
    writer.add_token_types(types)
    writer.add_token_merges(merges)
    writer.add_bos_token_id(len(tokens) - 2)
    writer.add_eos_token_id(len(tokens) - 1)
    writer.add_chat_template(
        "{% for m in messages %}<|im_start|>{{ m['role'] }}\n{{ m['content'] }}<|im_end|>\n{% endfor %}"
        "{% if add_generation_prompt %}<|im_start|>assistant\n{% endif %}")
    rng = np.random.default_rng(0)

    def weights(*shape):  # numpy shape (rows, columns) is ggml's (columns, rows)
        return (rng.standard_normal(shape) * 0.5).astype(np.float32)

    def ones(n):
        return np.ones(n, np.float32)

    def zeros(n):
        return np.zeros(n, np.float32)

    vocab = len(tokens)
    writer.add_tensor("token_embd.weight", weights(vocab, n_embd))
    writer.add_tensor("position_embd.weight", weights(n_ctx, n_embd))
    for block in range(n_layer):
        for name, tensor in {
            "attn_norm.weight": ones(n_embd), "attn_norm.bias": zeros(n_embd),
            "attn_qkv.weight": weights(3 * n_embd, n_embd), "attn_qkv.bias": zeros(3 * n_embd),
            "attn_output.weight": weights(n_embd, n_embd), "attn_output.bias": zeros(n_embd),
            "ffn_norm.weight": ones(n_embd), "ffn_norm.bias": zeros(n_embd),
            "ffn_up.weight": weights(2 * n_embd, n_embd), "ffn_up.bias": zeros(2 * n_embd),
            "ffn_down.weight": weights(n_embd, 2 * n_embd), "ffn_down.bias": zeros(n_embd),
        }.items():
            writer.add_tensor(f"blk.{block}.{name}", tensor)
    output = weights(vocab, n_embd)
    norm_weight, norm_bias = ones(n_embd), zeros(n_embd)
    if prefer:
        norm_weight, norm_bias[0] = zeros(n_embd), 1.0  # every position's state: (1, 0, 0, ...)
        output[:, 0] = rng.uniform(0, 1, vocab)
        for rank, token in enumerate(prefer):
            index = vocab - 1 if token == END else tokens.index(_byte_symbols()[ord(token)] if len(token) == 1
                                                               else token)
            output[index, 0] = 10.0 - rank
    writer.add_tensor("output_norm.weight", norm_weight)
    writer.add_tensor("output_norm.bias", norm_bias)
    writer.add_tensor("output.weight", output)
    writer.write_header_to_file()
    writer.write_kv_data_to_file()
    writer.write_tensors_to_file()
    writer.close()
    return path


LLAMA_CHAT_TEMPLATE = ("{% for m in messages %}<|im|>{{ m['role'] }}\n{{ m['content'] }}\n{% endfor %}"
                 "{% if add_generation_prompt %}<|im|>assistant\n{% endif %}")


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


def build_tiny_llama_gguf(path: Path, corpus: str = "", *, n_embd: int = 64, n_layer: int = 2, n_head: int = 4,
                          context: int = 8192, seed: int = 0) -> Path:
    """A llama-architecture GGUF with random weights whose vocabulary is the 256 bytes plus one token per
    character of ``corpus`` (built by merges): any text tokenizes, and the corpus's Chinese costs one
    token a character, so long prompts fit (the server tests). Greedy decoding gives arbitrary but
    deterministic text: enough to test transport, order and concurrency."""
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
    writer.add_chat_template(LLAMA_CHAT_TEMPLATE)

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
