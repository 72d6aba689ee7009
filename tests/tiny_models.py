"""Tiny randomly initialised chat models built by the tests themselves: the real transformers loading
and generation code runs, and no weights are downloaded."""

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
