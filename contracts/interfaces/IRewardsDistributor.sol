// SPDX-License-Identifier: Apache-2.0
pragma solidity ^0.8.24;

/// @title Caravan rewards distributor
/// @notice Pays contributors from one cumulative Merkle root per epoch. A root is proposed by the platform,
/// can be revoked during a delay, and is then accepted. Leaves are `(address account, address token,
/// uint256 cumulativeAmount)` in the OpenZeppelin merkle-tree standard format (ABI-encoded, double-hashed).
interface IRewardsDistributor {
    /// @notice One claim of a relayer's batch.
    struct Claim {
        address account;
        address token;
        uint256 cumulativeAmount;
        bytes32[] proof;
    }

    event Funded(address indexed token, address indexed from, uint256 received);
    event RootProposed(uint64 indexed epoch, bytes32 root, bytes32 manifestHash, uint64 acceptableAt);
    event RootRevoked(uint64 indexed epoch, bytes32 root);
    event RootAccepted(uint64 indexed epoch, bytes32 root);
    event Claimed(address indexed account, address indexed token, uint256 paid, uint256 cumulativeAmount);
    event DelayChanged(uint64 delaySeconds);

    error ZeroAmount();
    error WrongEpoch(uint64 given, uint64 expected);
    error ProposalPending(uint64 epoch);
    error NoProposal(uint64 epoch);
    error TooEarly(uint64 acceptableAt, uint64 nowSeconds);
    error LengthMismatch(uint256 tokens, uint256 totals);
    error TokensNotAscending(address token);
    error TotalExceedsFunded(address token, uint256 total, uint256 funded);
    error TotalDecreased(address token, uint256 total, uint256 previous);
    error TokenMissing(address token);
    error ZeroRoot();
    error InvalidProof(address account, address token, uint256 cumulativeAmount);
    error NothingToClaim(address account, address token);
    error ClaimExceedsTotal(address token, uint256 claimed, uint256 total);

    /// @notice Adds `amount` of `token` to what claims can be paid from (the escrow, partners, bonuses).
    /// @dev Credits what actually arrived (balance delta), so fee-on-transfer tokens are counted right.
    function fund(address token, uint256 amount) external;

    /// @notice Proposes the root of epoch `epoch` (the current epoch plus one) with each token's cumulative total.
    /// @param tokens Strictly ascending; every token of the current root must be present.
    /// @param cumulativeTotals Per token: never above what was funded, never below the current root's total.
    function proposeRoot(
        bytes32 root,
        uint64 epoch,
        address[] calldata tokens,
        uint256[] calldata cumulativeTotals,
        bytes32 manifestHash
    ) external;

    /// @notice Withdraws the pending proposal of `epoch` before it is accepted (guardian or proposer). The same
    /// epoch number can then be proposed again.
    function revokeRoot(uint64 epoch) external;

    /// @notice Makes the pending root of `epoch` current once its delay has passed. Anyone may call it.
    function acceptRoot(uint64 epoch) external;

    /// @notice Pays `account` what its leaf in the current root holds beyond what it claimed before.
    /// @dev Anyone may call it for any account; the tokens always go to the account. Reverts `InvalidProof`
    /// when the leaf is not in the current root, `NothingToClaim` when it holds nothing beyond what was claimed,
    /// and `ClaimExceedsTotal` when the token's claims would pass the root's total for it.
    /// @return paid The amount transferred: `cumulativeAmount - claimed(account, token)` before the call.
    function claim(address account, address token, uint256 cumulativeAmount, bytes32[] calldata proof)
        external
        returns (uint256 paid);

    /// @notice Claims for many accounts (a relayer). A claim with nothing left to pay is skipped, not reverted,
    /// so one account that already claimed does not sink the batch; an invalid proof, or a claim above its
    /// token's accepted total, still reverts the whole batch.
    /// @return paid The total transferred, summed over every claim and token (a count for logs, not an amount
    /// of one token when the batch mixes tokens).
    function claimMany(Claim[] calldata claims) external returns (uint256 paid);

    /// @notice Changes the delay between a proposal and its acceptance (admin).
    function setDelay(uint64 delaySeconds) external;

    /// @notice The accepted root.
    function currentRoot() external view returns (bytes32);
    /// @notice The accepted epoch (0 before the first).
    function currentEpoch() external view returns (uint64);
    /// @notice The pending proposal; epoch 0 when there is none.
    function pendingRoot() external view returns (bytes32 root, uint64 epoch, uint64 acceptableAt, bytes32 manifestHash);
    /// @notice A token's cumulative total in the accepted root.
    function cumulativeTotal(address token) external view returns (uint256);
    /// @notice What was funded in a token.
    function totalFunded(address token) external view returns (uint256);
    /// @notice What was claimed in a token.
    function totalClaimed(address token) external view returns (uint256);
    /// @notice What an account claimed in a token, cumulatively.
    function claimed(address account, address token) external view returns (uint256);
    /// @notice Seconds between a proposal and its earliest acceptance.
    function delay() external view returns (uint64);
}
